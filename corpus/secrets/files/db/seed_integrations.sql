-- seed data for local development
INSERT INTO integrations (name, token) VALUES ('ci', 'AKIDqEnT3t7IAJBzXWFZLhgs6Pe26QJiXFSv');
