// The batch sim's prediction: which team spends more hours with production down, asked before the first run.
export const PREDICTIONS = [
  { value: 'daily', label: 'The team that deploys every day' },
  { value: 'quarterly', label: 'The team that deploys once a quarter' },
  { value: 'same', label: 'About the same' },
] as const;
