// Node entry of the CLI (loaded by bin/verifier-lab.js through tsx): wires process streams to runCli.
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
