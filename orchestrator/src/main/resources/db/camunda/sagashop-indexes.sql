-- Indexes the shop adds to Camunda's own tables, after the engine created or updated them.
-- Each is measured by ./sagashop bench (docs/performance.md); each statement may run at every start.

-- Camunda 7's PostgreSQL schema has no index on a task's parent: completing or deleting any user
-- task (a seller confirming a deposit, a cancellation) looks for its subtasks with a full scan of
-- ACT_RU_TASK, 10 ms with 100,000 orders awaiting their deposit and growing with them.
create index if not exists sagashop_idx_task_parent on act_ru_task (parent_task_id_);

-- Nor on a job's due date: every job acquisition (the job executor's, many times a second while
-- orders move) looks for jobs that are due, or have none, by scanning ACT_RU_JOB, where every order
-- awaiting its deposit or its receipt keeps a deadline timer: 10 ms per acquisition with 10,000 open
-- orders, and growing with them. With the index: 0.04 ms.
create index if not exists sagashop_idx_job_duedate on act_ru_job (duedate_);
