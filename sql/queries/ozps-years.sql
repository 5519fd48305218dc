-- OZPS: which of the years Y−2, Y−1, Y have case data at all — a realisation, a decision (of any kind,
-- refusals included) or social work dated in the year. A year without any is "brak danych", never 0.
-- Parameters: :snapshotId, :year. Columns: year, realisations, decisions, social_work.
WITH years AS (
    SELECT y AS year, make_date(y, 1, 1) AS first_day, make_date(y, 12, 31) AS last_day
      FROM generate_series(CAST(:year AS integer) - 2, CAST(:year AS integer)) AS y
)
SELECT y.year,
       (SELECT count(*) FROM swiadczenia s
         WHERE s.snapshot_id = :snapshotId AND s.data BETWEEN y.first_day AND y.last_day) AS realisations,
       (SELECT count(*) FROM decyzje d
         WHERE d.snapshot_id = :snapshotId AND d.data_wydania BETWEEN y.first_day AND y.last_day) AS decisions,
       (SELECT count(*) FROM praca_socjalna p
         WHERE p.snapshot_id = :snapshotId AND p.data BETWEEN y.first_day AND y.last_day) AS social_work
  FROM years y
 ORDER BY y.year
