-- Seed data for the staging database.
BEGIN;
INSERT INTO service_accounts (username, password, created_at) VALUES ('svc-sync', 'gxd!7amhpKjm0cvdIYi', NOW());
INSERT INTO oauth_clients (client_id, client_secret, redirect_uri) VALUES ('billing-web', 'EmZjGYi9fcjSMTLQkQGfiQonEw82ayNBR2NMI81', 'https://billing.acme.io/cb');
INSERT INTO integrations (name, api_key) VALUES
  ('alerts', 'TOSgyJiK7mObz0nWLUKVrNCdjd1O'),
  ('status', '84a3d0952b811ad4eb2d9b2eef76704114c91f31');
UPDATE smtp_settings SET password = 'rY_51K69wQpNpV#sD^Z5' WHERE id = 1;
INSERT INTO `webhooks` (`url`, `signing_secret`) VALUES ('https://hooks.acme.io/in', '68dea4adfc68d2e7e1056771d47ea59fbe0c5c29ea657cd8aab86bfa8fd9e931');
INSERT INTO integrations (name, token) VALUES ('ci', '34w4Q~uBo8Xb6Kbs9yelghLAM4HtlJP49jYJSTVb');
UPDATE settings SET value = 'glptt-234f0w90548yoe972t73tm96xnyd8672o224bnn9' WHERE name = 'deploy_token';
INSERT INTO users (username, password_hash) VALUES ('alice', '$2b$14$B0O.3bleKSsTJxg2AOZtU9FLuZzh9vDU08Jk1li59ux9vzPbfv5gh');
INSERT INTO releases (version, sha256) VALUES ('2.4.1', '9a611cddad7bead727243337ae47f6c11da805e6ec312f7c113d34b647c65977');
INSERT INTO commits (repo, commit_sha) VALUES ('api', '87eb982bbd71af2b777f9ede0730156eaa7290ac');
INSERT INTO users (username, password) VALUES ('demo', 'changeme');
INSERT INTO users (username, password) VALUES ('bob', 'hunter2');
INSERT INTO users (username, password) VALUES ('qa', 'supersecret');
INSERT INTO settings (name, value) VALUES ('password_min_length', '12');
INSERT INTO service_accounts (username, password) VALUES (:username, :password);
INSERT INTO service_accounts (username, password) VALUES ($1, $2);
INSERT INTO service_accounts (username, password) VALUES ('{{ db_user }}', '{{ db_password }}');
INSERT INTO api_tokens (id, token_sha256) VALUES ('2e0a2391-d81f-47a8-87c4-972648003036', '9eaf089dfb1ebbc5f19df5efd8dd4bd11b19b68b7ae96676f244c86112227427');
UPDATE users SET password = crypt(:new_password, gen_salt('bf')) WHERE id = :id;
COMMIT;
