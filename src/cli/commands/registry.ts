// The list of subcommands the dispatcher knows; add a command by importing it here.
import type { CliCommand } from '../cli-io';
import { datasetsFetchCommand } from './datasets-fetch';
import { generateCommand } from './generate';
import { metricsCommand } from './metrics';

export const COMMANDS: readonly CliCommand[] = [metricsCommand, datasetsFetchCommand, generateCommand];
