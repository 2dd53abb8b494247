import Database from 'better-sqlite3';
const db = new Database('/tmp/p.db');
const big = db.prepare('select id from clusters order by size desc limit 1').pluck().get();
console.log(db.prepare(`select i.type, i.value, count(distinct m.report_id) n from mentions m join indicators i on i.id=m.indicator_id join reports r on r.id=m.report_id where m.benign=0 and r.cluster_id=? group by m.indicator_id order by n desc limit 15`).all(big));
