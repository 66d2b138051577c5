// What the island needs only once a run starts, loaded as soon as the island is live so the page's first load stays small.
export { RunPanel } from './RunPanel.tsx';
export { Compare, Review } from './Results.tsx';
