-- seed data for local development
INSERT INTO integrations (name, token) VALUES ('ci', 'https://hooks.slack.com/services/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');
