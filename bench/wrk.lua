-- bench/wrk.lua: the wrk script of bench/run. Its arguments (after wrk's "--") choose what a
-- request is:
--   submit SESSIONS SLUG     the web form's "Skicka remissvaret": a session cookie, its CSRF
--                            token, the draft's lock and a fresh one-time key per request
--   upload TOKENS TEMPLATE SLUG   an XML remissvar (TEMPLATE with @ORG@ replaced) posted to
--                            the API with the organisation's token and a fresh Idempotency-Key
--   get                      wrk's own request (path and -H headers from the command line)
-- Each thread takes every nthreads-th organisation and goes round them, so no two requests
-- in flight wait on the same organisation's row lock. done() prints one RESULT line.

local nthreads = 0
function setup(thread)
	thread:set("id", nthreads)
	nthreads = nthreads + 1
end

local mode, items, next_i = "get", {}, 1

local function hex64()
	local t = {}
	for i = 1, 8 do t[i] = string.format("%08x", math.random(0, 0x7fffffff) * 2 + math.random(0, 1)) end
	return table.concat(t)
end

local function lines(path)
	local t = {}
	for l in io.lines(path) do if l ~= "" then t[#t + 1] = l end end
	return t
end

function init(args)
	mode = args[1] or "get"
	math.randomseed(os.time() * 1000 + (id or 0) * 7919 + math.floor(os.clock() * 1e6))
	local me = id or 0
	-- wrk gives no thread count to init: the caller passes it as the last argument.
	local nt = tonumber(args[#args]) or 1
	if mode == "submit" then
		local all = lines(args[2])
		for i = me + 1, #all, nt do
			local cookie, csrf, lock = all[i]:match("^(%x+) (%x+) (%d+)$")
			items[#items + 1] = { cookie = cookie, csrf = csrf, lock = lock }
		end
		wrk.method = "POST"
		wrk.path = "/remisser/" .. args[3] .. "/svar"
	elseif mode == "upload" then
		local all = lines(args[2])
		local f = assert(io.open(args[3], "rb"))
		local tmpl = f:read("*a")
		f:close()
		for i = me + 1, #all, nt do
			local token, org = all[i]:match("^(%x+)\t(.+)$")
			items[#items + 1] = { token = token, body = (tmpl:gsub("@ORG@", org)) }
		end
		wrk.method = "POST"
		wrk.path = "/api/v1/remisser/" .. args[4] .. "/remissvar"
	end
end

function request()
	if mode == "get" then
		return wrk.format()
	end
	local it = items[next_i]
	next_i = next_i % #items + 1
	if mode == "submit" then
		return wrk.format(nil, nil, {
			["Cookie"] = "remiss_session=" .. it.cookie,
			["Content-Type"] = "application/x-www-form-urlencoded",
			["Accept"] = "text/html",
		}, "csrf=" .. it.csrf .. "&lock=" .. it.lock .. "&action=skicka&nyckel=" .. hex64())
	end
	return wrk.format(nil, nil, {
		["Authorization"] = "Bearer " .. it.token,
		["Content-Type"] = "application/xml",
		["Idempotency-Key"] = hex64(),
	}, it.body)
end

function done(summary, latency, requests)
	local e = summary.errors
	local secs = summary.duration / 1e6
	io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d status_errors=%d timeouts=%d\n",
		summary.requests, summary.requests / secs, latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, e.connect + e.read + e.write + e.status + e.timeout,
		e.status, e.timeout))
end
