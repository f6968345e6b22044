package com.vbssharing.sharing;

import com.vbssharing.support.Api;
import com.vbssharing.support.HttpApi;

class ShareApiHttpTest extends ShareApiContract {

    @Override
    protected Api api() {
        return HttpApi.get();
    }
}
