-- The text index's leaves of 500 bytes (0032) were stored seven to a 4 KB page, 12 % of each page unused: a leaf
-- runs a few bytes past its size and its row adds ~16 bytes, so eight did not fit. Leaves of 470 bytes fit eight to
-- a page, also in an encrypted store (SQLCipher keeps 80 bytes of every page): about 40 bytes a report. The delete
-- cost 0032 chose small leaves for stays as low (more doclists get an index, not fewer). New segments and merges
-- are written in them; older segments as they are merged. The answers and their order do not change.
INSERT INTO `reports_fts`(`reports_fts`, `rank`) VALUES ('pgsz', 470);
