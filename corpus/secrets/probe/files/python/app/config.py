class ProductionConfig(BaseConfig):
    DEBUG = False
    HUBSPOT_SESSION_SECRET = 'api-aaqEKXmxAmts45rMYcs5PpxqTr5CDK1nfED5N'
    private_key = 'WyMTdLmIRjc88yyl8Btuub7vvYLmU'
    db_passwd = 'iK8gd4A-aMFhWrZ-edkWkJnmllU-JxbZkyfjSBU2FpRC'
    session_secret = 'iLPzMHsLKEUygbv/mmOtUhaXTJ5sE05dMFw1VVLc3KQ='
    master_key = 'TODO'
    RABBIT_API_TOKEN = '{ api_key }'
    API_KEY = 'hunter2'
    commit_sha = '99d68eb9758e61937e331300f75dd3dcf6034eea'
    PADDLE_DB_PASSWD = os.environ['PADDLE_DB_PASSWD']
