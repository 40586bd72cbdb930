-- seed data for local development
INSERT INTO integrations (name, token) VALUES ('ci', 'os_v2_app_sq3nxp53iuluf4d6utsby7lncecgmojk3mygrsjicxn7cgtq67huxdrmbq5pxmwalws3jyohvs2aesuboyssvjwq5xrc6xjejlznlydxgvsx2pgco');
