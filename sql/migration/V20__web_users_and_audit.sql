-- The web console of "serve" (issue 14): its users and the audit log.
-- Numbered 20 so that the migrations of other work in progress (V11 and up) keep their numbers.

-- A user of the web console. The password is kept only as a hash of Spring Security's DelegatingPasswordEncoder
-- ("{bcrypt}$2a$10$…": the prefix names the algorithm, so a later change of algorithm keeps old hashes readable).
-- failed_attempts counts the failed sign-ins since the last successful one; after mops.web.lockout.attempts of them
-- the account waits until locked_until (mops.web.lockout.duration), and the count starts again.
CREATE TABLE web_user (
    login               TEXT        PRIMARY KEY CHECK (login ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash       TEXT        NOT NULL,
    roles               TEXT[]      NOT NULL
                        CHECK (cardinality(roles) >= 1
                               AND roles <@ ARRAY['PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN']::TEXT[]),
    enabled             BOOLEAN     NOT NULL DEFAULT TRUE,
    failed_attempts     INTEGER     NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT        NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL
);

-- Who did what, when and from which address: every sign-in (successful or not), sign-out, lockout and change of a
-- user (from the console or the command line). details is Polish text written by the program; it never holds a
-- PESEL or a source id (sequences of 11 digits are masked before they are stored).
CREATE TABLE audit_log (
    id      BIGSERIAL   PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    actor   TEXT        NOT NULL,   -- the login, or "wiersz poleceń (użytkownik systemu …)"
    action  TEXT        NOT NULL,   -- e.g. LOGOWANIE, LOGOWANIE_NIEUDANE, UZYTKOWNIK_DODANY
    address TEXT,                   -- the remote address of the browser; NULL from the command line
    details TEXT
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
