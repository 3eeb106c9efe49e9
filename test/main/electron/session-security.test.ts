import { describe, expect, it } from 'vitest'
import type { Session } from 'electron'
import { denyAllPermissions } from '../../../src/main/electron/session-security'

// A stand-in Session that keeps the handlers the app installs, so the test can ask them.
function recordingSession() {
  const handlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
    check?: (contents: unknown, permission: string) => boolean
  } = {}
  const session = {
    setPermissionRequestHandler: (h: typeof handlers.request) => (handlers.request = h),
    setPermissionCheckHandler: (h: typeof handlers.check) => (handlers.check = h)
  }
  return { session: session as unknown as Session, handlers }
}

describe('session permissions', () => {
  it('denies every permission request and check', () => {
    const { session, handlers } = recordingSession()
    denyAllPermissions(session)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined
      handlers.request!(null, permission, (answer) => (granted = answer))
      expect(granted).toBe(false)
      expect(handlers.check!(null, permission)).toBe(false)
    }
  })
})
