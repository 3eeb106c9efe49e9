#!/usr/bin/env bash
# `npm test`: vitest inside a private D-Bus session with an unlocked gnome-keyring, so credential tests use
# a real OS keychain (Secret Service) and never touch the developer's own keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TEAK_DESK_TEST_KEYRING:-}" ] && command -v dbus-run-session >/dev/null 2>&1 \
  && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  keyring_home="$(mktemp -d)"
  trap 'rm -rf "$keyring_home"' EXIT
  # A fresh XDG_DATA_HOME means a fresh, empty login keyring; `echo ""` (a newline) creates and unlocks it.
  TEAK_DESK_TEST_KEYRING=1 XDG_DATA_HOME="$keyring_home" TEAK_DESK_REQUIRE_KEYCHAIN="${TEAK_DESK_REQUIRE_KEYCHAIN:-1}" \
    dbus-run-session -- bash -c 'echo "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec npx vitest run "$@"' _ "$@"
  exit $?
fi

if [ -z "${TEAK_DESK_TEST_KEYRING:-}" ]; then
  echo "note: dbus-run-session or gnome-keyring-daemon is missing; keychain tests will be skipped (see README, Testing)." >&2
fi
exec npx vitest run "$@"
