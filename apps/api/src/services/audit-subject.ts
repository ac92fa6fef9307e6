import { sql } from 'drizzle-orm';

/**
 * What an audit row on the page is about, in the study's terms (R-AUDIT-5): the form and visit of
 * the form record behind it (the record itself, or its query, query message, SDV mark or
 * signature) and the visit of a visit row, so the review names "VAS · Baseline" instead of a
 * record id. Joined on the page's rows only, each through a primary key; record ids are cast only
 * for the tables whose ids are uuids (CASE decides before the cast runs).
 */
export const auditSubjectJoins = sql`
    left join lateral (
      select case a.table_name
        when 'form_records' then a.record_id::uuid
        when 'sdv_marks' then (select m.record_id from sdv_marks m where m.id = a.record_id::uuid)
        when 'signatures' then (select g.record_id from signatures g where g.id = a.record_id::uuid)
        when 'data_queries' then (select q.record_id from data_queries q where q.id = a.record_id::uuid)
        when 'query_messages' then (
          select q.record_id from query_messages qm join data_queries q on q.id = qm.query_id
          where qm.id = a.record_id::uuid)
      end as id
    ) subject on true
    left join form_records fr on fr.id = subject.id
    left join visits v on v.id = case when a.table_name = 'visits' then a.record_id::uuid end`;
