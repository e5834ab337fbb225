/**
 * Basel III countercyclical capital buffer guide (BCBS 2010, "Guidance for national authorities
 * operating the countercyclical capital buffer"): 0 % of risk-weighted assets at a credit gap of
 * L = 2 pp or less, 2.5 % at H = 10 pp or more, linear in between.
 */
export const BUFFER_GUIDE = { low: 2, high: 10, max: 2.5 } as const;

/**
 * Buffer guide in percent of risk-weighted assets for a credit-to-GDP gap in percentage points.
 *
 * @param gap credit-to-GDP gap (pp)
 * @example bufferGuide(6) // 1.25
 * @example bufferGuide(11.4) // 2.5
 */
export function bufferGuide(
  gap: number,
  params: { low: number; high: number; max: number } = BUFFER_GUIDE,
): number {
  if (gap <= params.low) return 0;
  if (gap >= params.high) return params.max;
  return (params.max * (gap - params.low)) / (params.high - params.low);
}
