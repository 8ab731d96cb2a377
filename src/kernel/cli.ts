/**
 * `swot`: the command line over the kernel library, for batch jobs.
 *
 *   swot info PATH [--json]     structure of a file (dimensions, variables, attributes)
 *   swot --version
 *
 * Exit codes: 0 ok, 2 usage error, 3 bad input data (missing, not netCDF, truncated, corrupt).
 */

import { isSwotError, UsageError } from '../core';
import { open } from './open';
import { version } from './version';

const USAGE = `Usage: swot <command> [options]

Commands:
  info PATH [--json]   Print the dimensions, variables (dtype, units) and global
                       attributes of a netCDF4 SWOT product.

Options:
  -h, --help           Show this help.
  -V, --version        Show the version.
`;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
}

function parseArgs(argv: string[], known: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  for (const arg of argv) {
    if (arg.startsWith('-') && arg !== '-') {
      if (!known.includes(arg)) {
        throw new UsageError(`unknown option ${arg}`);
      }
      flags.add(arg);
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, flags };
}

async function info(argv: string[], io: CliIO): Promise<void> {
  const { positionals, flags } = parseArgs(argv, ['--json']);
  if (positionals.length !== 1) {
    throw new UsageError('swot info takes exactly one PATH');
  }
  const dataset = await open(positionals[0]);
  if (flags.has('--json')) {
    io.out(JSON.stringify(dataset, null, 2));
  } else {
    io.out(dataset.toString());
  }
}

/** Run the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '-V' || command === '--version') {
      io.out(version);
      return 0;
    }
    if (command === 'info') {
      await info(rest, io);
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (isSwotError(error)) {
      io.err(`swot: ${error.message}`);
      if (error.code === 'USAGE') {
        io.err(`Run "swot --help" for usage.`);
        return 2;
      }
      return 3;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: text => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: text => process.stderr.write(text.endsWith('\n') ? text : text + '\n')
  }).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`swot: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  );
}
