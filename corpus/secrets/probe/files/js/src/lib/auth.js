const BEARER_TOKEN_ADO = `VQse!4mKyB5`;
const hmacKey = `3a437c36-dc78-4084-9356-9950d40f9eea`;
const CONSUMER_SECRET_NEXUS = `sec_pxCyOScxmdM78dainqgOyBCRUuZ3jS`;
const DB_PASSWD = `bC51TToIGT2xJ6q4TqvWJPfKQNyBCX2O8c8M3qCtTUPs5DgS7I281esID7kMxI`;
const apiKey = `xxxxxxxxxxxxxxxx`;
const PLAID_SESSION_SECRET = `#{ApiKey}`;
const oktaPat = `test1234`;
const tokenSha256 = `2af4ea57410af0e7307c7a94deac9139ac1e6fb67f74c1897612100636c90a40`;
