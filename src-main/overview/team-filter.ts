/**
 * The team filter of the kept counts (report_day_counts, indicator_day_counts): '' stands for "no team" in their
 * rows, and no team is asked as '' (an officer without one): that sees nothing.
 */
export const teamClause = (team: string | null, column = 'team') => (team === null ? '' : `AND ${column} = @team AND ${column} <> ''`);
export const teamParam = (team: string | null): Record<string, string> => (team === null ? {} : { team });
