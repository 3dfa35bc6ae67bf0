// Worker entry: the leaderboard's intervals, paired comparisons and scaling curves, off the main thread.
import { expose } from 'comlink';
import { createAnalysisApi } from '../core/compare/analysis-api';

expose(createAnalysisApi());
