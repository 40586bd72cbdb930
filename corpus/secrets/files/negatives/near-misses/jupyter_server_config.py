c = get_config()  # noqa
c.NotebookApp.password = 'sha1:783922e4ef5a:79b7b0bc0533cccf88f66d870cca6d78fbb06a0e'
c.ServerApp.password = 'argon2:$argon2id$v=19$m=65536,t=3,p=4$rJ8Y60ytM3SFznplWs2B0g$D6oazE2FznJqqIQVtCaMta6cBLTKZ7Jxiw8oyl52yjg'
c.ServerApp.password_required = True
