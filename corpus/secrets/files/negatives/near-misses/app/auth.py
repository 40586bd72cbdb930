password = getpass.getpass("Password: ")
token = request.headers.get("X-Auth-Token")
secret = config.get("auth", "client_secret")
api_key = settings.PAYMENTS_API_KEY
self.password = kwargs.pop("password", None)
password = hashlib.sha256(raw_password.encode()).hexdigest()
auth_token = self._refresh_auth_token(force=True)
password=form.cleaned_data["password"],
