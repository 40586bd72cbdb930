ADMIN_PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$o0DoiCzl76o7uaGadSOziQ$6zj4kN3l2UiunGW/vZsPQLnBkO7KTIlyPbMbj37CYnw"
PASSWORD = "$scrypt$ln=14,r=8,p=1$zkNjadlNel5kZULsg6rPRQ$KdlMeoHb2/2iNVYBv3WkItBKCVRzF7KTSPKwQLuHljs"
password = '$2b$12$2m66AY0Cr2xSfsnlUpQWvwT.IlRIOWscInXLCMt9W9nTkZh4pwWWK'
