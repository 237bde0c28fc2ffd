/** The verdicts of `POST /api/v1/analyses/{id}/feedback`, as chat buttons offer them. */
export type FeedbackVerdict = 'confirmed' | 'rejected';

/** The button labels every platform uses for a verdict. */
export const FEEDBACK_LABELS: Record<FeedbackVerdict, string> = {
  confirmed: 'This was it',
  rejected: 'Not this',
};
