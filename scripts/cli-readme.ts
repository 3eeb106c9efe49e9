// Writes the command-line reference of README.md (exit codes and every help page) from the command
// definitions: run `node --import tsx scripts/cli-readme.ts` after changing a command or option.
// test/main/cli/cli-reference.test.ts fails while the README is behind.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { COMMAND_DEFINITIONS } from '../src/main/cli/command-definitions'
import { EXIT_CODE_MEANINGS } from '../src/main/cli/exit-codes'
import { helpText } from '../src/main/cli/program'

export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url))

/** The README's command-line reference lies between these lines; scripts/cli-readme.ts writes it. */
export const REFERENCE_START =
  '<!-- cli-reference:start — generated from src/main/cli/command-definitions.ts by `node --import tsx scripts/cli-readme.ts`; do not edit by hand -->'
export const REFERENCE_END = '<!-- cli-reference:end -->'

/**
 * The exit code table, and every help page as `teak-desk --help` and `teak-desk <command> --help` print it
 * (folded: the README stays readable).
 */
function cliReference(): string {
  const table = [
    '| code | meaning |',
    '| ---- | ------- |',
    ...EXIT_CODE_MEANINGS.map(([code, meaning]) => `| ${code} | ${meaning} |`)
  ]
  const pages = [
    ['teak-desk --help', helpText()],
    ...COMMAND_DEFINITIONS.map((c) => [`teak-desk ${c.name} --help`, helpText(c.name)])
  ].map(([title, text]) => `#### \`${title}\`\n\n\`\`\`text\n${text.trimEnd()}\n\`\`\``)
  return [
    table.join('\n'),
    '<details>',
    "<summary>Every command's help (as <code>--help</code> prints it)</summary>",
    ...pages,
    '</details>'
  ].join('\n\n')
}

/** `readme` with the reference between its markers replaced by the current one, formatted as the repository formats it. */
export async function withCliReference(readme: string): Promise<string> {
  const start = readme.indexOf(REFERENCE_START)
  const end = readme.indexOf(REFERENCE_END)
  if (start < 0 || end < start) throw new Error('README.md has no command-line reference markers.')
  const text = `${readme.slice(0, start + REFERENCE_START.length)}\n\n${cliReference()}\n\n${readme.slice(end)}`
  return format(text, { ...(await resolveConfig(README_PATH)), filepath: README_PATH })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README_PATH, await withCliReference(readFileSync(README_PATH, 'utf8')))
}
