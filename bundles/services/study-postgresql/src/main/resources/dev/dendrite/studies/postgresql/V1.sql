-- Schema version 1 of Dendrite's study database. One statement per ';'-terminated block.
CREATE TABLE dendrite_studies (
    name         text PRIMARY KEY,
    header       text NOT NULL,          -- the study's journal line: settings, metric, direction (JSON)
    trials       integer NOT NULL,       -- the most trials
    total_epochs bigint NOT NULL,        -- the most epochs of all trials together, 0: no limit
    created      timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE dendrite_trials (
    study        text NOT NULL REFERENCES dendrite_studies (name) ON DELETE CASCADE,
    number       integer NOT NULL,
    parameters   text NOT NULL,          -- the point (JSON object)
    budget       integer NOT NULL,       -- epochs
    visible      integer NOT NULL,       -- its proposal saw the outcomes of trials 0 .. visible - 1
    state        text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'COMPLETE', 'PRUNED', 'FAILED')),
    value        double precision,       -- the objective; NULL when running, failed or not a number
    epoch_values double precision[] NOT NULL DEFAULT '{}',
    message      text,
    worker       text,                   -- who claimed it (host/pid/random)
    claims       integer NOT NULL DEFAULT 0,
    heartbeat    timestamptz,            -- the worker's last beat, while RUNNING
    started      timestamptz,
    finished     timestamptz,
    PRIMARY KEY (study, number)
);
-- the queue (claims take its lowest number), the running trials (stale ones), a worker's (heartbeats)
CREATE INDEX dendrite_trials_queued ON dendrite_trials (study, number) WHERE state = 'QUEUED';
CREATE INDEX dendrite_trials_running ON dendrite_trials (study) WHERE state = 'RUNNING';
CREATE INDEX dendrite_trials_worker ON dendrite_trials (worker) WHERE state = 'RUNNING';
