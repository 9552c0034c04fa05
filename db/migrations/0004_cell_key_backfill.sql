-- Backfill for the cell-key method (0003): existing responses got their random record keys from the
-- column's default (evaluated per row); here every aggregate row gets the sum of the record keys
-- of what it counts, by the same groupings as lib/results/aggregates.ts.
update results_daily d set key_sum = s.k
from (select survey_id, commune_id, channel, (submitted_at at time zone 'Europe/Warsaw')::date as day, sum(record_key) as k
      from survey_responses group by 1, 2, 3, 4) s
where d.survey_id = s.survey_id and d.commune_id = s.commune_id and d.channel = s.channel and d.day = s.day;
--> statement-breakpoint
update results_profiles p set key_sum = s.k
from (select survey_id, commune_id, coalesce(locality_id, 0) as locality_id, coalesce(age_group, '') as age_group,
        coalesce(respondent_type, '') as respondent_type, channel, sum(record_key) as k
      from survey_responses group by 1, 2, 3, 4, 5, 6) s
where p.survey_id = s.survey_id and p.commune_id = s.commune_id and p.locality_id = s.locality_id and p.age_group = s.age_group
  and p.respondent_type = s.respondent_type and p.channel = s.channel;
--> statement-breakpoint
update results_cells c set key_sum = s.k
from (select r.survey_id, r.commune_id, a.question_id, a.item_key, coalesce(a.value, 0) as value, a.dont_know, sum(r.record_key) as k
      from survey_responses r join survey_answers a on a.response_id = r.id where a.text is null group by 1, 2, 3, 4, 5, 6) s
where c.survey_id = s.survey_id and c.commune_id = s.commune_id and c.question_id = s.question_id and c.item_key = s.item_key
  and c.value = s.value and c.dont_know = s.dont_know;
--> statement-breakpoint
update results_profile_cells c set key_sum = s.k
from (select r.survey_id, a.question_id, r.commune_id, coalesce(r.locality_id, 0) as locality_id, coalesce(r.age_group, '') as age_group,
        coalesce(r.respondent_type, '') as respondent_type, r.channel, a.item_key, coalesce(a.value, 0) as value, a.dont_know, sum(r.record_key) as k
      from survey_responses r join survey_answers a on a.response_id = r.id where a.text is null group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) s
where c.survey_id = s.survey_id and c.question_id = s.question_id and c.commune_id = s.commune_id and c.locality_id = s.locality_id
  and c.age_group = s.age_group and c.respondent_type = s.respondent_type and c.channel = s.channel and c.item_key = s.item_key
  and c.value = s.value and c.dont_know = s.dont_know;
--> statement-breakpoint
-- Responses stored before the padding defence carry no source: each counts as its own, so the
-- figures already published stay published.
insert into results_sources (survey_id, commune_id, source)
select survey_id, commune_id, 'legacy:' || id::text from survey_responses where channel = 'online'
on conflict do nothing;
