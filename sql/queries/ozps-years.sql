-- OZPS: which of the years Y−2, Y−1, Y have case data at all — a realisation, a decision (of any kind,
-- refusals included) or social work dated in the year. A year without any is "brak danych", never 0.
-- Parameters: :snapshotId, :year. Columns: year, realisations, decisions, social_work.
-- Each table is read ONCE over the three years' dates (1 January Y−2 .. 31 December Y) and its rows counted by the year
-- of their date — the same counts as one count per year, which the planner ran as three index scans per table in date
-- order (x60: 38.8 s, 10 million realisations fetched through the index three times, issue 17).
WITH years AS (
    SELECT y AS year FROM generate_series(CAST(:year AS integer) - 2, CAST(:year AS integer)) AS y
),
realisations AS (
    SELECT CAST(extract(year FROM s.data) AS integer) AS year, count(*) AS n
      FROM swiadczenia s
     WHERE s.snapshot_id = :snapshotId
       AND s.data BETWEEN make_date(CAST(:year AS integer) - 2, 1, 1) AND make_date(CAST(:year AS integer), 12, 31)
     GROUP BY 1
),
decisions AS (
    SELECT CAST(extract(year FROM d.data_wydania) AS integer) AS year, count(*) AS n
      FROM decyzje d
     WHERE d.snapshot_id = :snapshotId
       AND d.data_wydania BETWEEN make_date(CAST(:year AS integer) - 2, 1, 1) AND make_date(CAST(:year AS integer), 12, 31)
     GROUP BY 1
),
social_work AS (
    SELECT CAST(extract(year FROM p.data) AS integer) AS year, count(*) AS n
      FROM praca_socjalna p
     WHERE p.snapshot_id = :snapshotId
       AND p.data BETWEEN make_date(CAST(:year AS integer) - 2, 1, 1) AND make_date(CAST(:year AS integer), 12, 31)
     GROUP BY 1
)
SELECT y.year,
       coalesce(r.n, 0) AS realisations,
       coalesce(d.n, 0) AS decisions,
       coalesce(p.n, 0) AS social_work
  FROM years y
  LEFT JOIN realisations r ON r.year = y.year
  LEFT JOIN decisions d ON d.year = y.year
  LEFT JOIN social_work p ON p.year = y.year
 ORDER BY y.year
