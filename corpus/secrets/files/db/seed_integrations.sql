-- seed data for local development
INSERT INTO integrations (name, token) VALUES ('ci', 'zwt_m4ydWcbCklCqCIEl3KvImIVx47fK_qZ3uPAbgHq0');
