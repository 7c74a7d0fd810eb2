/** The analysis core's public face: pure functions from text to a report model. */
export * from './model';
export { analyze } from './analyze';
export { selectionRanges } from './selection';
