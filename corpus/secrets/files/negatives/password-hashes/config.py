ADMIN_PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$I7H/wmHUlUPhSeu7Bpb9/A$FzcA6jWDZL9JVpCnJlUbqCG60JEEpyOOLVtBr/oa2wk"
PASSWORD = "$scrypt$ln=14,r=8,p=1$5+itqvrhtGCr1t2HlhJxIQ$xTg2TM6idEiy58JaRTI/cxTDrN2o+rMr9wdwc2Etm5E"
password = '$2b$12$sh1OiN7ydrKZOY7g/vOun24j6L/q..dgXyx7alXKuf.pwZJzSGDBg'
