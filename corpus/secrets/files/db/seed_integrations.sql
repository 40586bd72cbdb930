-- seed data for local development
INSERT INTO integrations (name, token) VALUES ('ci', 'sk-ant-admin01-DJGNmaTJ11c7TdwdH_BSgJmHfNFCNpyBHA3GyzvMDWo6sAZmP_8xZL6yCZLMWNUiaX91TIyrHjeigxg-mzZavKzyYmANLAA');
