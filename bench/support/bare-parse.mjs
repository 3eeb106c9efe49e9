// The floor the dry run is compared with: read the file and parse it with papaparse, nothing else.
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'

const { data } = Papa.parse(readFileSync(process.argv[2], 'utf8'), { skipEmptyLines: true })
if (data.length < 2) throw new Error('Nothing parsed.')
