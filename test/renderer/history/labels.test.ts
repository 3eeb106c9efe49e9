import { describe, expect, it } from 'vitest'
import { httpStatusText, prettyJson } from '../../../src/renderer/src/lib/history/labels'

describe('journaled bodies for reading', () => {
  it('pretty-prints JSON, including Teak refusals kept verbatim as text', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}')
    expect(prettyJson('{"error":{"errors":[]}}')).toBe('{\n  "error": {\n    "errors": []\n  }\n}')
    expect(prettyJson('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>')
  })
})

describe('the HTTP status in the timeline', () => {
  it('shows the code when known, and what is known otherwise', () => {
    expect(httpStatusText({ outcome: 'rejected', httpStatus: 409 })).toBe('409')
    expect(httpStatusText({ outcome: 'succeeded', httpStatus: null })).toBe('2xx (exact code not recorded)')
    expect(httpStatusText({ outcome: 'invalid', httpStatus: null })).toBe('not sent')
    expect(httpStatusText({ outcome: 'failed', httpStatus: null })).toBe('no answer')
    expect(httpStatusText({ outcome: null, httpStatus: null })).toBe('no answer yet')
  })
})
