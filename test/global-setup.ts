/** Nothing global yet: end-to-end suites build the renderer themselves through test/support/renderer.ts. */
export default function setup(): void {}
