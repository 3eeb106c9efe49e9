import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runCli, type CliResult } from '../../test/main/cli/support/cli'
import { timed } from './stats'

const PROBE = pathToFileURL(join(import.meta.dirname, 'resource-probe.mjs')).href

export interface MeasuredRun extends CliResult {
  wallMs: number
  maxRssMb: number
  cpuMs: number
}

/**
 * Runs `teak-desk …` to its end and measures it from outside (wall clock) and inside (peak RSS and CPU
 * time, written by the probe that NODE_OPTIONS preloads into it).
 */
export async function measuredTeakDesk(
  args: string[],
  env: NodeJS.ProcessEnv,
  resourceFile: string
): Promise<MeasuredRun> {
  const nodeOptions = [env.NODE_OPTIONS, `--import=${PROBE}`].filter(Boolean).join(' ')
  const run = await timed(() =>
    runCli(args, { ...env, NODE_OPTIONS: nodeOptions, BENCH_RESOURCE_FILE: resourceFile })
  )
  const usage = JSON.parse(readFileSync(resourceFile, 'utf8')) as {
    maxRssKb: number
    userCpuUs: number
    systemCpuUs: number
  }
  return {
    ...run.value,
    wallMs: run.ms,
    maxRssMb: usage.maxRssKb / 1024,
    cpuMs: (usage.userCpuUs + usage.systemCpuUs) / 1000
  }
}
