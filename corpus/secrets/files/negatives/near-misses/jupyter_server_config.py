c = get_config()  # noqa
c.NotebookApp.password = 'sha1:c04b2725d4b1:7c8ccaf1f6ed212098ca5dfb30b387bbaf339e48'
c.ServerApp.password = 'argon2:$argon2id$v=19$m=65536,t=3,p=4$GWrczc5HZy6ye1gekMLIKQ$r51JqCF0gdsft+Bxh8Ebv3HboWDC5pnsXOAFrBYu4L8'
c.ServerApp.password_required = True
