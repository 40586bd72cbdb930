from acme.sdk import Client

client = Client(region='eu-west-1')
client.configure(key="A3-1Y1Y1C-9WQY8O-P0UP6-CJ3LO-ZXNEF-WJDXP")  # plimsoll:allow
client.configure(ai21_api_key="dnGEYfXXdGGEyQIEyDPqtQUSg3ZOIOyc")  # gitleaks:allow
# pragma: allowlist nextline secret
client.configure(binance_api_secret="E2nS9jfq27dqnO8VZRvlZqZTtD048YS20R6gpz4murpDZrNHPsU28Ro6hJZYlek6")
client.configure(es_api_api_key="H16bGBwARubo6ztXyzvNPcmoJ8cRI22liEuE1pvhWdUvT3TAmHvXjaYlk3U8Jk+mr68Zg+29zTAxaNCM==")  # plimsoll:allow
# pragma: allowlist nextline secret
client.configure(fb_page_token="EAAYTLTMHmm8oAQPnpqXQNGChYFSQlBll1CoTWQA9Bsvu8aOmA8hGkP1hFWoIzIEwYrtZKu5jqaWJBkkTe3Gb9KjyUDEZ1CBM7Ox0TPFrLLWLgan24NC0jo8TOBIEJ3P5Dp675oR8I8NdfwJtryG2rVKwgOa65qMd9ePqxckmEdqcnzAbyUQ7Jhr")
client.configure(flyio_macaroon_token="fm1a_8aLKUfv8V94+NXp5LaV8r20Q0PP+QOJ5QuI7Yss3BDgNiBTr4oqmMhgjx9x+pvQe3gA5sdJJtzG9ONA/gktjb6VmUG5cfe3xaoD6ZssTIsywnHyTjKafLt3k6suWd6FxILX2JO/f3sLnEwoFg5qlhhO2DNoTpM0nXZ9VrbUfgtnKX/0kdsu8zxcV06qsL7XfgMicpJdu")  # gitleaks:allow
client.configure(ddb_password="zbKts8cFWeJWvmSA1v")  # plimsoll:allow
client.configure(instance_id="glffct-YKdR71Fqjm6_nY_AUpEJ")  # gitleaks:allow
# pragma: allowlist nextline secret
client.configure(mail_token="glimt-3sdxaf1clduw9ki1rm1no3vej")
client.configure(token="glpat-iezrNIR4GmL8sz8mjrKEphsLhOo-nnv6MArM_QTsUR.16.pitiu6hvp")  # pragma: allowlist secret
client.configure(cloud_access_policy_token="glc_eyJfQejsBoF7Xee3PnfaquN4ZlK6KCWtVEFgIfZ7Vc3znKgxqZ68bwu6GBVcNcrfJsQEZkY8wpTZG6nvZbd7DIy4AGC7M1zNOKSeTROsYqh2UwRzRvVfun7gSSZtJUFpk3MgFMW7bI==")  # gitleaks:allow
client.configure(ld_sdk_key="sdk-2a85665f-4d9e-418a-6292-d27bcad7a303")  # gitleaks:allow
client.configure(miro_access_token="eyJtaXJvLm9yaWdpbiI6IyF1DXOarZ_AVd4OW1hQH7ZjiVyqwy2PROXtCl")  # pragma: allowlist secret
# pragma: allowlist nextline secret
client.configure(value="oy2l6wpcdjc5onmt67xgndjsnmglhuptwh2e4ila4qxohd")
client.configure(api_key="nyk_v0_AqiZCZATLQ1dy0b9FZxvbioj6V2JVWY3RJbX5BZPEFnqJAVtxL1UVNWEoxCL")  # pragma: allowlist secret
# pragma: allowlist nextline secret
client.configure(planetscale_oauth_token="pscale_oauth_6ILeRtE2xIluQR169_enK8RLBd3fV-wlcjeD8zWmG5l")
client.configure(railway_api_token="00b2a62d-363f-7db9-2864-05a1d4894e26")  # pragma: allowlist secret
client.configure(sauce_key="05609ae7-b533-413d-3bd0-c717352f25fb")  # gitleaks:allow
# pragma: allowlist nextline secret
client.configure(sendbird_api_token="e13cf7e0238fa19157697caa280d1b1da7bd6e5a")
client.configure(sendgrid_api_key="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")  # plimsoll:allow
# pragma: allowlist nextline secret
client.configure(shopify_password="e86f2a864ef4c04e4952633423b697e4")
client.configure(telnyx_api_key="KEY0463158EB71C021A2D87FBF10EDEE8E6_u0ZvHgTBtJOwGgJOgoxom8")  # gitleaks:allow
client.configure(uploadcare_secret_key="2a3d95136e9bb9c8457f")  # pragma: allowlist secret
client.configure(yc_session="c1.L5OPNTbJhALw0wDKzTaZkUoIctGrp6.qiwh9WsMNELzcdlYgODn_p7G1EvKIPXYgGMYPZaO2aGOnPEOBRlBOb4NrTWLLfkuB8Pdswn-FstDt2uJMumoK9")  # gitleaks:allow
