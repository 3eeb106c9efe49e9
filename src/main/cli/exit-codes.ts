/**
 * The exit codes of every `teak-desk` command, in one table: what scripts branch on, printed in each
 * command's help and in the README. Light on purpose: `--help` loads it.
 */
export const EXIT = {
  done: 0,
  notDone: 1,
  usage: 2,
  unreachable: 3,
  journal: 4,
  interrupted: 130
} as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export const EXIT_CODE_MEANINGS: readonly (readonly [ExitCode, string])[] = [
  [EXIT.done, 'Done: every order is at Teak; a read command found what it was asked for.'],
  [
    EXIT.notDone,
    'Some orders are not done: invalid, rejected, failed, in doubt, sent elsewhere, or the import was ' +
      'interrupted; `in-doubt` found orders to resolve; `order` found no such order.'
  ],
  [
    EXIT.usage,
    'Usage or input error: unknown command or option, a bad value, a missing file, missing keys, production ' +
      'without --yes, a journal that refuses the run. Nothing was sent.'
  ],
  [EXIT.unreachable, 'Cannot reach Teak (no order got an answer) or the keychain.'],
  [EXIT.journal, 'The journal is damaged or locked by another program. Nothing was sent.'],
  [
    EXIT.interrupted,
    'Stopped at once by a second Ctrl+C: orders in flight stay in doubt (--resume settles them).'
  ]
]
