import type { Session } from 'electron'

/** No camera, notifications, geolocation or any other permission: nothing in Teak Desk asks for one. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
