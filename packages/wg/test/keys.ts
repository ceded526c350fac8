/** Real key pairs from `wg genkey | wg pubkey` (test material only, never used anywhere). */
export const KEYS = [
  { private: '0BlRYvV9woRK6Iexd83k2PBvm8QmGZJIYU/vKYutc20=', public: 'xcdtfuYLFnQomdnbMrDMqzul37ZMTt/QC0rMu54WdR8=' },
  { private: 'CIjFck5jR1o5VYUdtQnXjgLu1CNsgIM1eIA5CAb0h0s=', public: 'qrJlCs1STdD7yTtMpsBOGw30Kjhsxk/dFxtRKxr9lHY=' },
  { private: 'qO4Hh8/Io8GuvtKti1CkZOraMje86FkUrH5FJ7uRqVs=', public: 'B5zC+rGEszgwx2aLAauUCmvUhPDe+GlNPY1Roz9V3Vs=' },
] as const;
