export { compilePattern, PatternCompileError } from './text/pattern-scanner';
export { TriageEngine } from './triage-engine';
export * from './types';
export { parseRange, VersionRangeError } from './versions/version-range';
