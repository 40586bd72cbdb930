c = get_config()  # noqa
c.NotebookApp.password = 'sha1:b83f77c05e08:53bff73790d0698d7d369243d9defebbe6a55b9c'
c.ServerApp.password = 'argon2:$argon2id$v=19$m=65536,t=3,p=4$0zLc+Y8Q/6DkOYpQH+sPvQ$X2/9IaMFIsuOlCjTYiNK5jWo58W4YORJzKja3JTLbzI'
c.ServerApp.password_required = True
