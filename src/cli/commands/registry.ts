// The list of subcommands the dispatcher knows; add a command by importing it here.
import type { CliCommand } from '../cli-io';
import { buildCommand } from './build';
import { compareCommand } from './compare';
import { datasetsFetchCommand } from './datasets-fetch';
import { generateCommand } from './generate';
import { judgeCommand } from './judge';
import { metricsCommand } from './metrics';
import { rewardCommand } from './reward';
import { runCommand } from './run';
import { scoreCommand } from './score';
import { verifyCommand } from './verify';

export const COMMANDS: readonly CliCommand[] = [metricsCommand, compareCommand, scoreCommand, runCommand, verifyCommand, buildCommand, generateCommand, rewardCommand, judgeCommand, datasetsFetchCommand];
