$password = $request->input('password');
$token = Str::random(60);
