package main

import "os"

func main() {
	os.Setenv("JWT_SECRET", "IHpB20UVcyHKhpQRtX4u9zzIanGNPx9XWOyjFyZV9R82x2xUd+4VSWcbh8TSIxXkqs/fCewfHrYDaxuEHQ03Jg==")
	os.Setenv("BRAZE_DEFAULT_SESSION_SECRET", "ee04ed472e0fbb99bf7275ec6ba99cf8")
	os.Setenv("MIXPANEL_PRIVATE_KEY", "ffef5c1cb1f388d327771c687c895dd2819d8dc6")
	os.Setenv("NETLIFY_SECRET_KEY", "d315bf6fd9aa4a490d06d831cc3a4ea77e07c8749c4c662693047019f9abaab6")
	os.Setenv("MAPBOX_PRIVATE_KEY", "<your-api-key>")
	os.Setenv("API_KEY", "$(API_KEY)")
	os.Setenv("MASTER_KEY_FASTLY", "mysecret")
	os.Setenv("TOKEN_DIGEST", "d0204324537c6e0353a8d09cb6d24c23d29263705fef0716bb9d35fb0c75aea3")
	run()
}
