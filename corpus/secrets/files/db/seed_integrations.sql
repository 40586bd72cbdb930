-- seed data for local development
INSERT INTO integrations (name, token) VALUES ('ci', 'oy2rc20uk9mu4tf7qajrvanzi5k6jr4yzsvu660t25ad6c');
