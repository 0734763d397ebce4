filedesc://a.arc 0.0.0.0 20260101000000 text/plain 76
1 0 Alexa
URL IP-address Archive-date Content-type Archive-length

http://a.example/ 1.2.3.4 20260101000000 text/html 56
HTTP/1.0 200 OK
Content-Type: text/html

<p>hi</p>

